import atexit
import io
import sys

_buffer = io.StringIO()
sys.stdout = _buffer


@atexit.register
def _write():
    sys.__stdout__.write(_buffer.getvalue())


a, b = map(int, input().split())
print(a + b)
