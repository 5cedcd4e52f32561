// the editor's form writes into the YAML through yaml's Document API, so comments, order and flow style survive
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';

export type FieldPath = (string | number)[];

/** the draft's instruments as plain data, or null when the YAML does not parse */
export function readInstruments(text: string): Record<string, unknown>[] | null {
  const doc = parseDocument(text);
  if (doc.errors.length) return null;
  const js = doc.toJS() as { instruments?: unknown };
  return Array.isArray(js?.instruments) ? (js.instruments as Record<string, unknown>[]) : [];
}

/** sets one field; a list value is written as a flow sequence ([a, b]) like the catalog files */
export function setField(text: string, path: FieldPath, value: string | string[] | null): string {
  const doc = parseDocument(text);
  if (doc.errors.length) return text;
  if (value === null || value === '') {
    doc.deleteIn(path);
    return String(doc);
  }
  const cur = doc.getIn(path, true);
  // a scalar changed in place keeps its comment and quoting style
  if (typeof value === 'string' && isScalar(cur)) {
    cur.value = value;
    return String(doc);
  }
  const node = doc.createNode(value);
  if (isSeq(node)) node.flow = true;
  if (isSeq(cur) || isScalar(cur)) {
    node.comment = cur.comment;
    node.commentBefore = cur.commentBefore;
  }
  // parents such as `legal: { form: treaty }` keep their flow style; missing parents are created as flow maps
  for (let i = 1; i < path.length; i++) {
    const parent = path.slice(0, i);
    if (!doc.hasIn(parent)) {
      const m = doc.createNode({});
      if (isMap(m)) m.flow = true;
      doc.setIn(parent, m);
    }
  }
  doc.setIn(path, node);
  return String(doc);
}

/** a copy of a scenario under a new id (and "(copy)" title), keeping everything else as written */
export function copyScenario(text: string, newId: string): string {
  const doc = parseDocument(text);
  if (doc.errors.length) return text;
  doc.setIn(['id'], newId);
  const title = doc.getIn(['title']);
  doc.setIn(['title'], `${typeof title === 'string' ? title : newId} (copy)`);
  if (doc.hasIn(['category'])) doc.setIn(['category'], 'user');
  return String(doc);
}

/** the 0-based offset of line:col (1-based) in text, for moving the caret to a problem */
export function offsetOf(text: string, line: number, col = 1): number {
  let off = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', off);
    if (nl < 0) return text.length;
    off = nl + 1;
  }
  return Math.min(text.length, off + Math.max(0, col - 1));
}
