import ctypes

print(3, flush=True)
ctypes.string_at(0)
