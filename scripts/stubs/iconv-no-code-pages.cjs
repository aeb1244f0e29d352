// Stands in for iconv-lite's generated single-byte code pages: the tool decodes none of them.
module.exports = {};
