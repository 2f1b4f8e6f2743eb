import mmap
m = mmap.mmap(-1, 8 << 30)
print('ok')
