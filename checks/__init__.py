"""The rules, one module each; `lint.registry.load_rules` imports them all, which registers them."""
