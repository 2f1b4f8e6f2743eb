import sys
raise SystemExit(int(sys.argv[1]))
