"""Find the number (testlib convention): `? g` is answered "<", ">" or "="; `! x` ends the
game. The interactor writes x to its output file and exits 0: the checker compares it with
the answer. Exit 1 (WA): too many queries; 2 (PE): a line it cannot read."""

import sys

secret = int(open(sys.argv[1]).read())
with open(sys.argv[2], "w") as out:
    for _ in range(20):
        line = sys.stdin.readline().split()
        if len(line) != 2 or line[0] not in "?!" or not line[1].lstrip("-").isdigit():
            print(f"cannot read {' '.join(line)[:20]!r}", file=sys.stderr)
            sys.exit(2)
        value = int(line[1])
        if line[0] == "!":
            out.write(f"{value}\n")
            sys.exit(0)
        print("<" if secret < value else ">" if secret > value else "=", flush=True)
print("too many queries", file=sys.stderr)
sys.exit(1)
