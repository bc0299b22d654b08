"""What a build makes from the rendered Markdown: the web site and the PDF leaflets."""
