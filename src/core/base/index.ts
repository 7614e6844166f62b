/** The door of `src/core/base/`: the ground every room stands on: shapes, seeded RNG, statistics, validation, checksums, sizes. Import this room through here, never a file inside it. */
export * from './arch';
export * from './crc32';
export * from './gzip';
export * from './init';
export * from './mlp';
export * from './rng';
export * from './runCost';
export * from './schedule';
export * from './sizeWords';
export * from './stats';
export * from './validate';
