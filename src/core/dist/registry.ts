// the distribution constructors of the spec language: names, parameters, and the checks that make bad parameters
// a located error instead of NaN samples

import { Bernoulli } from './bernoulli.js';
import { Beta } from './beta.js';
import { Discrete } from './discrete.js';
import type { Dist } from './dist.js';
import { Gamma } from './gamma.js';
import { Lognormal } from './lognormal.js';
import { Normal } from './normal.js';
import { Pert } from './pert.js';
import { Triangular } from './triangular.js';
import { Uniform } from './uniform.js';

/** a rejected parameter: which argument (index) and why */
export interface ParamProblem {
  arg: number;
  code: string;
  message: string;
  hint?: string;
}

export type DistArg = number | number[];

export interface DistConstructor {
  name: string;
  /** parameter names, for messages and docs */
  params: string[];
  /** which parameters are lists (only discrete) */
  lists?: boolean[];
  signature: string;
  build(args: DistArg[]): Dist | ParamProblem;
}

const finite = (x: number) => Number.isFinite(x);

function nums(args: DistArg[]): number[] {
  return args as number[];
}

function notFinite(args: number[], names: string[]): ParamProblem | undefined {
  const i = args.findIndex((a) => !finite(a));
  return i < 0
    ? undefined
    : { arg: i, code: 'spec.param', message: `${names[i]} must be a finite number, got ${args[i]}` };
}

const normal: DistConstructor = {
  name: 'normal',
  params: ['mean', 'sd'],
  signature: 'normal(mean, sd)',
  build(a) {
    const [mu, sd] = nums(a) as [number, number];
    const bad = notFinite([mu, sd], this.params);
    if (bad) return bad;
    if (sd < 0)
      return {
        arg: 1,
        code: 'spec.param',
        message: `sd must be >= 0, got ${sd}`,
        hint: 'a standard deviation cannot be negative',
      };
    return new Normal(mu, sd);
  },
};

const lognormal: DistConstructor = {
  name: 'lognormal',
  params: ['mu', 'sigma'],
  signature: 'lognormal(mu, sigma)',
  build(a) {
    const [mu, sigma] = nums(a) as [number, number];
    const bad = notFinite([mu, sigma], this.params);
    if (bad) return bad;
    if (sigma < 0) {
      return {
        arg: 1,
        code: 'spec.param',
        message: `sigma must be >= 0, got ${sigma}`,
        hint: 'sigma is the sd of log(x); for a 90% range use `low to high`',
      };
    }
    return new Lognormal(mu, sigma);
  },
};

const beta: DistConstructor = {
  name: 'beta',
  params: ['alpha', 'beta'],
  signature: 'beta(alpha, beta)',
  build(a) {
    const [al, be] = nums(a) as [number, number];
    const bad = notFinite([al, be], this.params);
    if (bad) return bad;
    if (!(al > 0))
      return {
        arg: 0,
        code: 'spec.param',
        message: `alpha must be > 0, got ${al}`,
        hint: 'beta(2, 8) has mean 0.2',
      };
    if (!(be > 0))
      return {
        arg: 1,
        code: 'spec.param',
        message: `beta must be > 0, got ${be}`,
        hint: 'beta(2, 8) has mean 0.2',
      };
    return new Beta(al, be);
  },
};

const gamma: DistConstructor = {
  name: 'gamma',
  params: ['shape', 'scale'],
  signature: 'gamma(shape, scale)',
  build(a) {
    const [k, s] = nums(a) as [number, number];
    const bad = notFinite([k, s], this.params);
    if (bad) return bad;
    if (!(k > 0)) return { arg: 0, code: 'spec.param', message: `shape must be > 0, got ${k}` };
    if (!(s > 0)) return { arg: 1, code: 'spec.param', message: `scale must be > 0, got ${s}` };
    return new Gamma(k, s);
  },
};

const ordered3 = (name: 'triangular' | 'pert', mid: string): DistConstructor => ({
  name,
  params: ['min', mid, 'max'],
  signature: `${name}(min, ${mid}, max)`,
  build(a) {
    const [lo, m, hi] = nums(a) as [number, number, number];
    const bad = notFinite([lo, m, hi], this.params);
    if (bad) return bad;
    if (!(lo < hi))
      return { arg: 2, code: 'spec.param', message: `max must be > min, got min ${lo} and max ${hi}` };
    if (m < lo || m > hi)
      return {
        arg: 1,
        code: 'spec.param',
        message: `${mid} must lie in [min, max] = [${lo}, ${hi}], got ${m}`,
      };
    return name === 'triangular' ? new Triangular(lo, m, hi) : new Pert(lo, m, hi);
  },
});

const uniform: DistConstructor = {
  name: 'uniform',
  params: ['min', 'max'],
  signature: 'uniform(min, max)',
  build(a) {
    const [lo, hi] = nums(a) as [number, number];
    const bad = notFinite([lo, hi], this.params);
    if (bad) return bad;
    if (!(lo < hi))
      return { arg: 1, code: 'spec.param', message: `max must be > min, got min ${lo} and max ${hi}` };
    return new Uniform(lo, hi);
  },
};

const bernoulli: DistConstructor = {
  name: 'bernoulli',
  params: ['p'],
  signature: 'bernoulli(p)',
  build(a) {
    const [p] = nums(a) as [number];
    if (!(p >= 0 && p <= 1))
      return { arg: 0, code: 'spec.param', message: `p must be a probability in [0, 1], got ${p}` };
    return new Bernoulli(p);
  },
};

const discrete: DistConstructor = {
  name: 'discrete',
  params: ['values', 'weights'],
  lists: [true, true],
  signature: 'discrete([values], [weights])',
  build(a) {
    const [values, weights] = a as [number[], number[]];
    if (values.length === 0) return { arg: 0, code: 'spec.param', message: 'values must not be empty' };
    if (weights.length !== values.length) {
      return {
        arg: 1,
        code: 'spec.param',
        message: `weights has ${weights.length} entries but values has ${values.length}`,
        hint: 'give one weight per value',
      };
    }
    const vi = values.findIndex((v) => !finite(v));
    if (vi >= 0)
      return { arg: 0, code: 'spec.param', message: `values must be finite numbers, got ${values[vi]}` };
    const wi = weights.findIndex((w) => !(w >= 0 && finite(w)));
    if (wi >= 0)
      return { arg: 1, code: 'spec.param', message: `weights must be finite and >= 0, got ${weights[wi]}` };
    const total = weights.reduce((s, w) => s + w, 0);
    if (!(total > 0)) return { arg: 1, code: 'spec.param', message: 'weights must not all be 0' };
    return new Discrete(values, weights);
  },
};

export const DIST_CONSTRUCTORS: ReadonlyMap<string, DistConstructor> = new Map(
  [
    normal,
    lognormal,
    beta,
    gamma,
    ordered3('triangular', 'mode'),
    ordered3('pert', 'mode'),
    uniform,
    bernoulli,
    discrete,
  ].map((d) => [d.name, d]),
);

/** z for a central 90% interval: Φ⁻¹(0.95) */
export const Z90 = 1.6448536269514722;

/**
 * `low to high`: a 90% interval, lognormal when both bounds are positive, else normal.
 * Returns a problem for arg 0 or 1 of the interval.
 */
export function intervalDist(low: number, high: number): Dist | ParamProblem {
  if (!finite(low))
    return { arg: 0, code: 'spec.param', message: `the low end of 'to' must be finite, got ${low}` };
  if (!finite(high))
    return { arg: 1, code: 'spec.param', message: `the high end of 'to' must be finite, got ${high}` };
  if (!(low < high)) {
    return {
      arg: 1,
      code: 'spec.param',
      message: `'low to high' needs low < high, got ${low} to ${high}`,
      hint: 'swap the bounds',
    };
  }
  if (low > 0) {
    const ll = Math.log(low);
    const lh = Math.log(high);
    return new Lognormal((ll + lh) / 2, (lh - ll) / (2 * Z90));
  }
  return new Normal((low + high) / 2, (high - low) / (2 * Z90));
}
