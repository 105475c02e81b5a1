"""Loaded by gabbi-run (-r gabbi_polenta) when bin/gabbi-compat replays Gnocchi's gabbits.

Gnocchi's own fixture module registers the !AssertNAN YAML tag that some gabbits use; a live
run needs the same tag, and gabbi-run wants a module that names its response handlers.
"""
import math

import yaml


class AssertNAN(yaml.YAMLObject):
    """Equal to any NaN, as the value a gabbit expects where Gnocchi answers NaN."""

    def __eq__(self, other):
        try:
            return math.isnan(other)
        except TypeError:
            return False

    def __repr__(self):
        return "AssertNAN"


yaml.add_constructor(u'!AssertNAN', lambda loader, node: AssertNAN())
yaml.add_constructor(u'!AssertNAN', lambda loader, node: AssertNAN(), Loader=yaml.SafeLoader)
yaml.add_constructor(u'!AssertNAN', lambda loader, node: AssertNAN(), Loader=yaml.FullLoader)
yaml.add_constructor(u'!AssertNAN', lambda loader, node: AssertNAN(), Loader=yaml.UnsafeLoader)

gabbi_response_handlers = []
