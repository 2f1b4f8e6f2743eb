print("hello", flush=True)
print("? 500", flush=True)
