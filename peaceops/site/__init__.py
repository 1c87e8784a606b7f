"""The assembly: ``Site`` loads everything (checked, cached while no input changes) and renders a
page's macros. The top of the engine-agnostic core.
"""
