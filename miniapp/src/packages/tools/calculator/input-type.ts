/** mini-programs: the number keyboards (digit has the decimal point) */
export const DECIMAL_INPUT = 'digit'
export const INTEGER_INPUT = 'number'
