print(3, flush=True)
raise ValueError('boom')
