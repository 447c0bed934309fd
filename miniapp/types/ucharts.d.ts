/** uCharts (@qiun/ucharts) ships no typings: the part of its options the 年度账单 chart uses */
declare module '@qiun/ucharts' {
  export interface UChartsOptions {
    type: 'column' | 'line' | 'bar' | 'area'
    context: unknown
    width: number
    height: number
    pixelRatio?: number
    categories: string[]
    series: { name: string; data: number[]; color?: string }[]
    animation?: boolean
    background?: string
    color?: string[]
    padding?: number[]
    fontSize?: number
    legend?: Record<string, unknown>
    xAxis?: Record<string, unknown>
    yAxis?: Record<string, unknown>
    dataLabel?: boolean
    extra?: Record<string, unknown>
  }
  export default class UCharts {
    constructor(options: UChartsOptions)
  }
}
