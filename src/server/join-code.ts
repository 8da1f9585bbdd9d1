/**
 * Join codes: 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L). Apart
 * from the protocol's schemas so that the picker can read a `#join/CODE` link without
 * loading a validator.
 */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;
