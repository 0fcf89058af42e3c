/** Own property `key` of `target` set to `value` as JSON.parse sets it (a key `__proto__` is a plain property). */
function setMember(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

/** Every member of `from` (a parsed JSON object) set on `to`, in order. */
function copyMembers(from: Record<string, unknown>, to: Record<string, unknown>): void {
  for (const key of Object.keys(from)) setMember(to, key, from[key]);
}

/**
 * Characters of a snapshot's text handled at once: parsed, decompressed (bytes), or encoded before compression. Small
 * enough that every string made on the way (a chunk, a batch, the batch with its ids) is a young-generation object,
 * dropped by the next scavenge — strings of 1 MB are large objects, freed only by full collections, and piled up to
 * ≈ 100–150 MB meanwhile at national scale.
 */
export const TEXT_BATCH = 1 << 15;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const NOT_BLANK = /\S/;

/** A container at depth 1 being filled: its pieces (its elements, or its members' `"key":value` texts) not yet parsed. */
interface OpenChild {
  target: unknown[] | Record<string, unknown>;
  /** The character that closes it. */
  close: number;
  pieces: string[];
  length: number;
  /** Pieces met so far (parsed or not). */
  count: number;
}

/**
 * The inverse of `jsonPieces`: a JSON text given in chunks (cut anywhere) parsed into the value `JSON.parse` gives
 * of the whole text, without ever holding the whole text. The top-level value and its array or object members are
 * assembled here; their elements and members (depth 2 and deeper) are parsed by `JSON.parse`, a batch of
 * `batchLength` characters at a time. `restore` is applied to each text before it is parsed (a packed snapshot's UUID tokens, which are
 * only ever inside strings). Malformed text is refused (by `JSON.parse`, or at `end`).
 */
export class JsonPiecesReader {
  private text = "";
  /** Where scanning resumes in `text` (everything before it scanned), and where the current piece starts. */
  private scanned = 0;
  private mark = 0;
  private depth = 0;
  private inString = false;
  private root: unknown[] | Record<string, unknown> | undefined;
  private rootClose = 0;
  private child: OpenChild | undefined;
  /** Root members met so far, and whether the last one was a container (its text then ends with it). */
  private members = 0;
  private afterContainer = false;
  private closed = false;

  /**
   * `restore`: applied to each text before it is parsed. `parsed`: called with each value parsed (a batch of elements
   * or members, or a key or scalar member) before it is put in place, e.g. to replace its strings by equal ones.
   */
  constructor(
    private readonly restore: (text: string) => string = (text) => text,
    private readonly batchLength = TEXT_BATCH,
    private readonly parsed: (value: unknown) => void = () => undefined,
  ) {}

  private parse(text: string): unknown {
    const value: unknown = JSON.parse(this.restore(text));
    this.parsed(value);
    return value;
  }

  write(chunk: string): void {
    const text = this.mark < this.text.length ? this.text.slice(this.mark) + chunk : chunk;
    this.scanned -= this.mark;
    this.mark = 0;
    this.text = text;
    let i = this.scanned;
    const n = text.length;
    while (i < n) {
      if (this.inString) {
        // The closing quote: the next one not escaped (preceded by an even number of backslashes).
        let quote = text.indexOf('"', i);
        for (;;) {
          if (quote < 0) break;
          let slashes = 0;
          while (text.charCodeAt(quote - 1 - slashes) === BACKSLASH) slashes++;
          if (slashes % 2 === 0) break;
          quote = text.indexOf('"', quote + 1);
        }
        if (quote < 0) {
          i = n;
          break;
        }
        this.inString = false;
        i = quote + 1;
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === QUOTE) this.inString = true;
      else if (this.depth <= 2) this.structural(c, i);
      else if (c === OPEN_OBJECT || c === OPEN_ARRAY) this.depth++;
      else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) this.depth--;
      i++;
    }
    this.scanned = i;
  }

  /** A character outside strings at depth 0–2. */
  private structural(c: number, i: number): void {
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      const container = c === OPEN_OBJECT ? {} : [];
      if (this.depth === 0) {
        if (this.root || NOT_BLANK.test(this.text.slice(this.mark, i))) throw new SyntaxError("JSON: unexpected text");
        this.root = container;
        this.rootClose = c === OPEN_OBJECT ? CLOSE_OBJECT : CLOSE_ARRAY;
        this.mark = i + 1;
      } else if (this.depth === 1) {
        this.members++;
        this.attach(this.text.slice(this.mark, i), container);
        this.child = {
          target: container,
          close: c === OPEN_OBJECT ? CLOSE_OBJECT : CLOSE_ARRAY,
          pieces: [],
          length: 0,
          count: 0,
        };
        this.mark = i + 1;
      }
      this.depth++;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      this.depth--;
      if (this.depth === 1) {
        if (c !== this.child!.close) throw new SyntaxError("JSON: unbalanced text");
        this.addPiece(this.text.slice(this.mark, i), true);
        this.flush();
        this.child = undefined;
        this.afterContainer = true;
        this.mark = i + 1;
      } else if (this.depth === 0) {
        if (c !== this.rootClose) throw new SyntaxError("JSON: unbalanced text");
        this.member(this.text.slice(this.mark, i), true);
        this.mark = i + 1;
        this.closed = true;
      } else if (this.depth < 0) throw new SyntaxError("JSON: unbalanced text");
    } else if (c === COMMA) {
      if (this.depth === 2) {
        this.addPiece(this.text.slice(this.mark, i), false);
        this.mark = i + 1;
      } else if (this.depth === 1) {
        this.member(this.text.slice(this.mark, i), false);
        this.mark = i + 1;
      }
    }
  }

  /** The container just opened as the root's next member: `prefix` is its `"key":` (object root) or nothing. */
  private attach(prefix: string, container: unknown[] | Record<string, unknown>): void {
    if (this.afterContainer) throw new SyntaxError("JSON: unexpected text after a value");
    if (Array.isArray(this.root)) {
      if (NOT_BLANK.test(prefix)) throw new SyntaxError("JSON: unexpected text");
      this.root.push(container);
    } else {
      const colon = prefix.lastIndexOf(":");
      setMember(this.root!, this.parse(prefix.slice(0, colon)) as string, container);
    }
  }

  /** A root member (`"key":value`, or an element) that is not a container, ended by `,` or the root's close. */
  private member(piece: string, last: boolean): void {
    const afterContainer = this.afterContainer;
    this.afterContainer = false;
    if (!NOT_BLANK.test(piece)) {
      // Nothing after a container member (its text ended with it), or an empty root; else a stray comma.
      if (afterContainer || (last && this.members === 0)) return;
      throw new SyntaxError("JSON: unexpected comma");
    }
    this.members++;
    if (afterContainer) throw new SyntaxError("JSON: unexpected text after a value");
    if (Array.isArray(this.root)) this.root.push(this.parse(piece));
    else copyMembers(this.parse(`{${piece}}`) as Record<string, unknown>, this.root!);
  }

  private addPiece(piece: string, last: boolean): void {
    const child = this.child!;
    if (!NOT_BLANK.test(piece)) {
      if (last && child.count === 0) return; // an empty container
      throw new SyntaxError("JSON: unexpected comma");
    }
    child.count++;
    child.pieces.push(piece);
    child.length += piece.length;
    if (child.length >= this.batchLength) this.flush();
  }

  private flush(): void {
    const child = this.child!;
    if (child.pieces.length === 0) return;
    const joined = child.pieces.join(",");
    child.pieces = [];
    child.length = 0;
    if (Array.isArray(child.target)) {
      const elements = this.parse(`[${joined}]`) as unknown[];
      for (const element of elements) child.target.push(element);
    } else copyMembers(this.parse(`{${joined}}`) as Record<string, unknown>, child.target);
  }

  /** The value of the whole text. */
  end(): unknown {
    if (this.inString || this.depth !== 0) throw new SyntaxError("JSON: unexpected end of text");
    const rest = this.text.slice(this.mark);
    if (this.root === undefined) return this.parse(rest);
    if (!this.closed || NOT_BLANK.test(rest)) throw new SyntaxError("JSON: unexpected text after the value");
    return this.root;
  }
}
