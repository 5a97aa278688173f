"""What our plugins share: one settings layer, one shared object, and the adapters to upstream.

Not a Pelican plugin itself (it has no `register`): each plugin imports it.
"""
