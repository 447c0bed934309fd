/** mini-programs size the page themselves (rpx): nothing to do */
export function useDesignScale() {}
