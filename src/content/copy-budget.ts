import type { CopyBudget } from './page-copy.ts';

/**
 * How many nodes of a large page to copy and read in one task: as many as its last readings
 * suggest fit in `targetMs`. A page's cost per node varies tenfold (a table is read cell by cell,
 * a span at a glance), and so does the machine's speed under load; a fixed count would be
 * either too small for most pages or a long task on some.
 */
export class CopyBudgeter {
  private msPerNode: number | undefined;

  constructor(
    private readonly most: CopyBudget,
    private readonly targetMs = 20,
    private readonly fewestNodes = 500,
  ) {}

  get budget(): CopyBudget {
    if (this.msPerNode === undefined) return this.most;
    const nodes = Math.floor(this.targetMs / this.msPerNode);
    return { ...this.most, nodes: Math.max(this.fewestNodes, Math.min(this.most.nodes, nodes)) };
  }

  /** A reading of `nodes` nodes took `ms`. */
  observe(nodes: number, ms: number): void {
    if (nodes < 100 || !(ms > 0)) return;
    const perNode = ms / nodes;
    this.msPerNode = this.msPerNode === undefined ? perNode : (this.msPerNode + perNode) / 2;
  }
}
