export * from './demo-users';
