"""The PDF leaflets: WeasyPrint, and the leaflets' text layer."""
