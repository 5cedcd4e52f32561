// syntax tree of the spec/expression language; start/end are 0-based offsets into the spec text

export type BinaryOp = '+' | '-' | '*' | '/' | '^' | '<' | '<=' | '>' | '>=' | '==' | '!=';

export type ExprNode =
  | { type: 'num'; value: number; start: number; end: number }
  | { type: 'ref'; name: string; start: number; end: number }
  | { type: 'neg'; arg: ExprNode; start: number; end: number }
  | { type: 'binary'; op: BinaryOp; left: ExprNode; right: ExprNode; start: number; end: number }
  | { type: 'call'; name: string; args: ExprNode[]; start: number; end: number }
  | { type: 'list'; items: ExprNode[]; start: number; end: number }
  | { type: 'to'; low: ExprNode; high: ExprNode; start: number; end: number };
