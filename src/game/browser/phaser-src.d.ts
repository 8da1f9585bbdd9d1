/**
 * Phaser's source modules (CommonJS, untyped), which src/game/browser/phaser-custom.ts
 * assembles; the game itself is typed against the package's declarations.
 */
declare module 'phaser/src/*' {
  const value: unknown;
  export default value;
}
