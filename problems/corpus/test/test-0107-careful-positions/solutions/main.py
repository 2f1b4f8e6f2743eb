s = input()
print("YES" if len(set(s)) == len(s) else "NO")
