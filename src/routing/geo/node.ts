// Node-only parts of GPS lookup (they read files): the seed import, the file store, the units adapter.
export { importWardShapes, type ImportWardShapesOptions } from './import';
export { fileShapeStore } from './store-file';
export { communeNamesFromUnits } from './unit-names';
export { WARD_SHAPES_FILE, findUnitsFile } from './paths';
