import multiprocessing


def f(x):
    return x * x


if __name__ == "__main__":
    with multiprocessing.Pool(8) as p:
        print(sum(p.map(f, range(8))))
