import signal

print(3, flush=True)
signal.raise_signal(signal.SIGFPE)
