'use strict';
// fontkit needs brotli only to read WOFF2 fonts, which --font refuses; the PDF bundle leaves its half
// megabyte out.
module.exports = function decompress() {
  throw new Error('WOFF2 fonts are not supported; use a TTF or OTF file');
};
