import sys
inp, out, ans = (open(p, "rb").read() for p in sys.argv[1:4])
tokens = out.split()
if not tokens or not tokens[0].isdigit():
    sys.exit(2)
if tokens[0] != ans.split()[0]:
    sys.exit(1)
sys.exit(4 if len(tokens) > 1 else 0)
