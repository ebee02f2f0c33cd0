/** Fixture files of test/fixtures (see its README for their sources). */
import { readFileSync } from 'node:fs';

export const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));

/** The sample article the product was designed from. */
export const SAMPLE = fixture('cantho-2023-02.txt');

/** A one-pixel PNG: binary input that must get an error report. */
export const PNG = fixture('red-pixel.png');
