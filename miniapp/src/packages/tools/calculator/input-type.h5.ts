/**
 * H5: plain text inputs. Taro H5 renders digit/number as <input type="number">, whose value is ""
 * while the text is not yet a number ("3."), so a controlled input would wipe what is being typed.
 * The form checks the text itself.
 */
export const DECIMAL_INPUT = 'text'
export const INTEGER_INPUT = 'text'
