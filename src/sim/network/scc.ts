/**
 * Strongly connected components (iterative Tarjan). Iterative because real road graphs have
 * long chains that would overflow the call stack with the recursive form.
 */
export function stronglyConnectedComponents(n: number, successors: (i: number) => readonly number[]): Int32Array {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const comp = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  let counter = 0;
  let compCount = 0;
  const callStack: { v: number; next: number }[] = [];
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    callStack.push({ v: root, next: 0 });
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (callStack.length > 0) {
      const frame = callStack[callStack.length - 1]!;
      const succ = successors(frame.v);
      if (frame.next < succ.length) {
        const w = succ[frame.next++]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          callStack.push({ v: w, next: 0 });
        } else if (onStack[w]) {
          low[frame.v] = Math.min(low[frame.v]!, index[w]!);
        }
        continue;
      }
      callStack.pop();
      const parent = callStack[callStack.length - 1];
      if (parent) low[parent.v] = Math.min(low[parent.v]!, low[frame.v]!);
      if (low[frame.v] === index[frame.v]) {
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          comp[w] = compCount;
        } while (w !== frame.v);
        compCount++;
      }
    }
  }
  return comp;
}
