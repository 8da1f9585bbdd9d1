/** The library index the build makes (see vite.config.ts). */
declare module 'virtual:burn-rate/library' {
  const index: import('../picker/listing.ts').Listing[];
  export default index;
}
