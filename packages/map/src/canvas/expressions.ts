/**
 * The subset of MapLibre's style expressions chiso's layers use, compiled to plain functions for the canvas
 * renderer: the layers write one style (their MapLibre layers) and both renderers read it, so the colouring rules
 * exist once. Pure: no DOM, so Node tests run it against the expressions the layers really write.
 *
 * Supported: literals, `get`, `has`, `id`, `feature-state`, `zoom`, `geometry-type`, `literal`, `!`, `all`, `any`,
 * comparisons, `case`, `match`, `coalesce`, `boolean`/`number`/`string` (assertions with fallbacks), `to-string`,
 * `to-number`, `to-boolean`, arithmetic (`+ - * / % ^ sqrt min max abs ln log10 round floor ceil`), `concat`,
 * `number-format`, `interpolate` (linear and exponential, numeric outputs) and `step`. Anything else throws when
 * compiled, so a layer using an expression the canvas cannot draw fails loudly in the tests, not silently on a page.
 */

/** What an expression reads of one feature at one zoom. */
export interface ExpressionInput {
  zoom: number;
  properties?: Record<string, unknown> | null;
  id?: string | number;
  state?: Record<string, unknown>;
  geometryType?: string;
}

export type Evaluator = ((input: ExpressionInput) => unknown) & {
  /** The value does not depend on the feature (its properties, id or state): one evaluation serves all. */
  featureConstant: boolean;
  /** The value does not depend on the zoom. */
  zoomConstant: boolean;
};

type Fn = (input: ExpressionInput) => unknown;
interface Compiled {
  fn: Fn;
  feature: boolean;
  zoom: boolean;
}

/** Compiles a style value (a constant or an expression) to an evaluator. */
export function compileExpression(value: unknown): Evaluator {
  const c = compile(value);
  return Object.assign((input: ExpressionInput) => c.fn(input), { featureConstant: !c.feature, zoomConstant: !c.zoom });
}

const constant = (v: unknown): Compiled => ({ fn: () => v, feature: false, zoom: false });

const isExpression = (v: unknown): v is [string, ...unknown[]] => Array.isArray(v) && typeof v[0] === 'string';

function compile(e: unknown): Compiled {
  if (!Array.isArray(e)) return constant(e);
  if (!isExpression(e)) return constant(e); // a plain array (e.g. an offset) is a constant
  const [op, ...rest] = e;
  const args = () => rest.map(compile);
  const from = (parts: Compiled[], fn: Fn, feature = false, zoom = false): Compiled => ({
    fn, feature: feature || parts.some((p) => p.feature), zoom: zoom || parts.some((p) => p.zoom),
  });
  switch (op) {
    case 'literal':
      return constant(rest[0]);
    case 'get': {
      const key = String(rest[0]);
      return { fn: (i) => i.properties?.[key] ?? null, feature: true, zoom: false };
    }
    case 'has': {
      const key = String(rest[0]);
      return { fn: (i) => !!i.properties && key in i.properties, feature: true, zoom: false };
    }
    case 'id':
      return { fn: (i) => i.id ?? null, feature: true, zoom: false };
    case 'feature-state': {
      const key = String(rest[0]);
      return { fn: (i) => i.state?.[key] ?? null, feature: true, zoom: false };
    }
    case 'geometry-type':
      return { fn: (i) => i.geometryType ?? null, feature: true, zoom: false };
    case 'zoom':
      return { fn: (i) => i.zoom, feature: false, zoom: true };
    case '!': {
      const [a] = args();
      return from([a], (i) => !a.fn(i));
    }
    case 'all': {
      const p = args();
      return from(p, (i) => p.every((x) => x.fn(i) === true));
    }
    case 'any': {
      const p = args();
      return from(p, (i) => p.some((x) => x.fn(i) === true));
    }
    case '==':
    case '!=':
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const [a, b] = args();
      const test = COMPARE[op];
      return from([a, b], (i) => test(a.fn(i), b.fn(i)));
    }
    case 'case': {
      const p = args();
      return from(p, (i) => {
        for (let k = 0; k + 1 < p.length; k += 2) if (p[k].fn(i) === true) return p[k + 1].fn(i);
        return p[p.length - 1].fn(i);
      });
    }
    case 'match': {
      const input = compile(rest[0]);
      const branches: Array<[Set<unknown>, Compiled]> = [];
      for (let k = 1; k + 1 < rest.length; k += 2) {
        const labels = Array.isArray(rest[k]) ? (rest[k] as unknown[]) : [rest[k]];
        branches.push([new Set(labels), compile(rest[k + 1])]);
      }
      const fallback = compile(rest[rest.length - 1]);
      return from([input, fallback, ...branches.map((b) => b[1])], (i) => {
        const v = input.fn(i);
        for (const [labels, out] of branches) if (labels.has(v)) return out.fn(i);
        return fallback.fn(i);
      });
    }
    case 'coalesce': {
      const p = args();
      return from(p, (i) => {
        for (const x of p) {
          const v = x.fn(i);
          if (v != null) return v;
        }
        return null;
      });
    }
    case 'boolean':
    case 'number':
    case 'string': {
      const p = args();
      return from(p, (i) => {
        for (const x of p) {
          const v = x.fn(i);
          if (typeof v === op) return v;
        }
        return null;
      });
    }
    case 'to-string': {
      const [a] = args();
      return from([a], (i) => toText(a.fn(i)));
    }
    case 'to-number': {
      const p = args();
      return from(p, (i) => {
        for (const x of p) {
          const v = x.fn(i);
          const n = typeof v === 'boolean' ? Number(v) : v == null || v === '' ? NaN : Number(v);
          if (Number.isFinite(n)) return n;
        }
        return null;
      });
    }
    case 'to-boolean': {
      const [a] = args();
      return from([a], (i) => {
        const v = a.fn(i);
        return !(v === null || v === false || v === 0 || v === '' || Number.isNaN(v));
      });
    }
    case 'concat': {
      const p = args();
      return from(p, (i) => p.map((x) => toText(x.fn(i))).join(''));
    }
    case 'number-format': {
      const [a] = args();
      const o = (rest[1] ?? {}) as { locale?: string; 'max-fraction-digits'?: number; 'min-fraction-digits'?: number };
      const format = new Intl.NumberFormat(o.locale, { maximumFractionDigits: o['max-fraction-digits'] ?? 3, minimumFractionDigits: o['min-fraction-digits'] ?? 0 });
      return from([a], (i) => format.format(Number(a.fn(i))));
    }
    case 'interpolate':
      return interpolate(rest);
    case 'step': {
      const input = compile(rest[0]);
      const first = compile(rest[1]);
      const stops: Array<[number, Compiled]> = [];
      for (let k = 2; k + 1 < rest.length; k += 2) stops.push([Number(rest[k]), compile(rest[k + 1])]);
      return from([input, first, ...stops.map((s) => s[1])], (i) => {
        const x = Number(input.fn(i));
        let out = first;
        for (const [at, o] of stops) if (x >= at) out = o;
        return out.fn(i);
      });
    }
    default: {
      const math = MATH[op];
      if (!math) throw new Error(`chiso canvas renderer: the expression "${op}" is not supported`);
      const p = args();
      return from(p, (i) => math(p.map((x) => Number(x.fn(i)))));
    }
  }
}

const COMPARE: Record<string, (a: unknown, b: unknown) => boolean> = {
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
  '<': (a, b) => (a as number) < (b as number),
  '<=': (a, b) => (a as number) <= (b as number),
  '>': (a, b) => (a as number) > (b as number),
  '>=': (a, b) => (a as number) >= (b as number),
};

const MATH: Record<string, (v: number[]) => number> = {
  '+': (v) => v.reduce((a, b) => a + b, 0),
  '*': (v) => v.reduce((a, b) => a * b, 1),
  '-': (v) => (v.length === 1 ? -v[0] : v[0] - v[1]),
  '/': (v) => v[0] / v[1],
  '%': (v) => v[0] % v[1],
  '^': (v) => v[0] ** v[1],
  sqrt: (v) => Math.sqrt(v[0]),
  min: (v) => Math.min(...v),
  max: (v) => Math.max(...v),
  abs: (v) => Math.abs(v[0]),
  ln: (v) => Math.log(v[0]),
  log10: (v) => Math.log10(v[0]),
  round: (v) => Math.round(v[0]),
  floor: (v) => Math.floor(v[0]),
  ceil: (v) => Math.ceil(v[0]),
};

function toText(v: unknown): string {
  if (v == null) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** `['interpolate', ['linear'] | ['exponential', base], input, stop, output, …]` with numeric outputs. */
function interpolate(rest: unknown[]): Compiled {
  const [kind, inputExpr, ...pairs] = rest as [unknown[], unknown, ...unknown[]];
  const base = kind?.[0] === 'exponential' ? Number(kind[1]) : 1;
  if (kind?.[0] !== 'linear' && kind?.[0] !== 'exponential') throw new Error(`chiso canvas renderer: interpolation "${String(kind?.[0])}" is not supported`);
  const input = compile(inputExpr);
  const stops: Array<[number, Compiled]> = [];
  for (let k = 0; k + 1 < pairs.length; k += 2) {
    // Numbers only: a colour ramp would need colour interpolation, which the canvas does not do (refused, not drawn wrong).
    if (typeof pairs[k + 1] === 'string') throw new Error('chiso canvas renderer: "interpolate" over colours is not supported');
    stops.push([Number(pairs[k]), compile(pairs[k + 1])]);
  }
  const parts = [input, ...stops.map((s) => s[1])];
  return {
    feature: parts.some((p) => p.feature),
    zoom: parts.some((p) => p.zoom),
    fn: (i) => {
      const x = Number(input.fn(i));
      if (!(x > stops[0][0])) return stops[0][1].fn(i);
      for (let k = 1; k < stops.length; k++) {
        const [x1, o1] = stops[k];
        if (x <= x1) {
          const [x0, o0] = stops[k - 1];
          const d = x1 - x0;
          const t = base === 1 ? (x - x0) / d : (base ** (x - x0) - 1) / (base ** d - 1);
          const a = Number(o0.fn(i));
          return a + (Number(o1.fn(i)) - a) * t;
        }
      }
      return stops[stops.length - 1][1].fn(i);
    },
  };
}
