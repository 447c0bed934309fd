// Stands in for a polyfill that no browser of the H5 build's targets needs (config/index.ts).
