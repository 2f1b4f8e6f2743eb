import sys
inp, out, ans = (open(p, "rb").read() for p in sys.argv[1:4])
sys.exit(3)
