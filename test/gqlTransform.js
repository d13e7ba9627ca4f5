/** Jest: a .gql import is its query text (the VTEX builder makes it a DocumentNode; the sandbox shim sends text). */
module.exports = { process: (source) => ({ code: `module.exports = ${JSON.stringify(source)}; module.exports.default = module.exports` }) }
