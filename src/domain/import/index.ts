export * from './columns';
export * from './companies';
export * from './delimited';
export * from './students';
