import type { MasterData } from '@vtex/api'
import type { ProfileEmailLookup } from '../order/orderEmail'

/**
 * The customer's e-mail from their Master Data v1 `CL` document (`userId` = the order's
 * userProfileId), through @vtex/api's MasterData client (GET api.vtex.com/api/dataentities/CL/search;
 * manifest: ADMIN_DS and outbound-access api.vtex.com /api/dataentities/CL/search). `userId` is already
 * validated against the identity pattern, so it cannot widen the `_where` clause.
 */
export const customerProfileEmail =
  (masterdata: MasterData): ProfileEmailLookup =>
  async (userId) => {
    const documents = await masterdata.searchDocuments<{ email?: string | null }>({
      dataEntity: 'CL',
      fields: ['email'],
      where: `userId=${userId}`,
      pagination: { page: 1, pageSize: 1 },
    })
    return documents[0]?.email ?? undefined
  }
