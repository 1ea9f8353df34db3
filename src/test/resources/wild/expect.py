#!/usr/bin/env python3
"""Decides the expected verdict of every step of the wild corpus, independently of GradStep.

Reads sides.tsv, where a person transcribed each step's two sides into Python (the left side as the
true value of what it names, the right side as written), and evaluates both at random points:
K = 2..5 classes (or the K the author fixed), every value of the free indices that meets the row's
condition, random logits and labels. A step holds when both sides agree to 1e-9 (relative) at every
point, and is wrong otherwise. Rows marked by hand (a matrix, prose, a line out of scope) keep their
mark. Writes expected.tsv. Only the standard library is used:  python3 expect.py
"""
import itertools
import math
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))


class Point:
    """One random point: logits z, labels y (a distribution, or one-hot at c), K classes."""

    def __init__(self, rng, K, labels):
        self.K = K
        self.zs = [rng.uniform(-3, 3) for _ in range(K)]
        if labels.startswith("onehot"):
            self.c = rng.randint(1, K)
            self.ys = [1.0 if k == self.c else 0.0 for k in range(1, K + 1)]
        else:
            w = [rng.uniform(0.05, 1) for _ in range(K)]
            self.ys = [x / sum(w) for x in w]
            self.c = None
        m = max(self.zs)
        e = [math.exp(x - m) for x in self.zs]
        self.ps = [x / sum(e) for x in e]
        # a scalar logit and label for the binary (sigmoid) documents
        self.u = rng.uniform(-3, 3)
        self.t = rng.uniform(0, 1)
        self.cst = rng.uniform(-2, 2)
        # a batch of N rows for the batch documents
        self.N = rng.randint(2, 4)
        self.Zb = [[rng.uniform(-3, 3) for _ in range(K)] for _ in range(self.N)]
        self.Yb = []
        for _ in range(self.N):
            w = [rng.uniform(0.05, 1) for _ in range(K)]
            self.Yb.append([x / sum(w) for x in w])

    def env(self):
        K = self.K
        z = lambda i: self.zs[i - 1]
        y = lambda i: self.ys[i - 1]
        s = lambda i: self.ps[i - 1]
        e = lambda i: math.exp(z(i))
        S = lambda f, lo=1, hi=K: sum(f(k) for k in range(lo, hi + 1))
        E = S(e)
        d = lambda i, j: 1.0 if i == j else 0.0
        ds = lambda i, j: s(i) * (d(i, j) - s(j))
        L = -S(lambda k: y(k) * math.log(s(k)))
        dL = lambda j: s(j) * S(y) - y(j)
        dLds = lambda i: -y(i) / s(i)
        Sx = lambda f, i: S(f) - f(i)
        sg = lambda v: 1 / (1 + math.exp(-v))

        def Pb(n, k):
            row = self.Zb[n - 1]
            m = max(row)
            ex = [math.exp(x - m) for x in row]
            return ex[k - 1] / sum(ex)

        return dict(K=K, z=z, y=y, s=s, e=e, S=S, Sx=Sx, cst=self.cst, E=E, d=d, ds=ds, L=L, dL=dL, dLds=dLds, log=math.log,
                    exp=math.exp, u=self.u, t=self.t, sg=sg, c=self.c, N=self.N,
                    Zb=lambda n, k: self.Zb[n - 1][k - 1], Yb=lambda n, k: self.Yb[n - 1][k - 1], Pb=Pb)


def decide(row, labels, fixedK, rng):
    idx = [v for v in row["idx"].split(",") if v]
    ks = [fixedK] if fixedK else [2, 3, 4, 5]
    worst = 0.0
    for K in ks:
        for _ in range(12):
            p = Point(rng, K, labels)
            env = p.env()
            names = [v.split(":")[0] for v in idx]
            ranges = [range(1, (p.N if v.endswith(":N") else K) + 1) for v in idx]
            for values in itertools.product(*ranges):
                idx_values = values
                env.update(dict(zip(names, idx_values)))
                if row["cond"] and not eval(row["cond"], env):
                    continue
                a = eval(row["lhs"], env)
                b = eval(row["rhs"], env)
                worst = max(worst, abs(a - b) / (1 + abs(a)))
    return ("holds" if worst < 1e-9 else "wrong"), worst


def main():
    rng = random.Random(11)
    out = []
    doc, labels, fixedK = None, "dist", None
    with open(os.path.join(HERE, "sides.tsv"), encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if cols[0] == "doc":
                doc = cols[1]
                opts = dict(o.split("=", 1) for o in cols[3].split()) if len(cols) > 3 and cols[3] else {}
                labels = opts.get("labels", "dist")
                fixedK = int(opts["K"]) if "K" in opts else None
                out.append("doc\t%s\t%s" % (doc, cols[2] if len(cols) > 2 else ""))
            elif cols[0] == "step":
                row = dict(zip(["kind", "line", "n", "idx", "cond", "lhs", "rhs", "note"], cols + [""] * 8))
                verdict, worst = decide(row, labels, fixedK, rng)
                out.append("%s\t%s\t%s\t%s" % (row["line"], row["n"], verdict, row["note"]))
            elif cols[0] == "mark":
                out.append("%s\t%s\t%s\t%s" % (cols[1], cols[2], cols[3], cols[4] if len(cols) > 4 else ""))
            else:
                raise SystemExit("bad row: " + line)
    with open(os.path.join(HERE, "expected.tsv"), "w", encoding="utf-8") as f:
        f.write("# written by expect.py from sides.tsv: line, step on that line, expected verdict, note\n")
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
