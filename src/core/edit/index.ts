export * from './commands';
export * from './apply-edit';
export * from './history';
export * from './row-keys';
export * from './cascade';
export * from './describe-edit';
