# Walks uphill from the left end: right, but far too many questions on long ridges.
n = int(input())
i = 1
print("?", 1, flush=True)
here = int(input())
while i < n:
    print("?", i + 1, flush=True)
    nxt = int(input())
    if nxt < here:
        break
    i, here = i + 1, nxt
print("!", i, flush=True)
