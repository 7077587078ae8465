/** anafanafo: Verdana and Helvetica text widths, as shields.io's badge-maker measures them. */
declare module 'anafanafo' {
  export default function measure(text: string, options: { font: string; guess?: boolean }): number
}
