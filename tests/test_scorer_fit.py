"""Fitting the learned cluster scorer (alphasolve.evaluate.scorer_fit): the standardisation
folded into the weights gives the logistic regression's own decision function."""

from __future__ import annotations

import numpy as np
import pytest

from alphasolve.evaluate.scorer_fit import fit
from clustering.scorer import FEATURE_NAMES


def test_folded_weights_score_raw_features_as_the_fitted_model_does() -> None:
    pytest.importorskip("sklearn")
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(0)
    n = len(FEATURE_NAMES)
    x = rng.normal(size=(300, n)) * rng.uniform(0.5, 50, size=n) + rng.uniform(-5, 5, size=n)
    x[:, -1] = 3.0  # a constant feature: its spread is 0, kept out of the scaling
    y = x[:, 0] / x[:, 0].std() + rng.normal(scale=0.5, size=300) > 0
    scorer = fit(x, y, 1.0)
    mu, sd = x.mean(0), x.std(0)
    sd[sd == 0] = 1.0
    model = LogisticRegression(C=1.0, max_iter=2000).fit((x - mu) / sd, y)
    expected = model.decision_function((x - mu) / sd)
    got = scorer.bias + x @ np.array(scorer.weights)
    assert np.allclose(got, expected, atol=1e-6)
    assert scorer.weights[0] > 0  # the feature the label follows
