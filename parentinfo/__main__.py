from parentinfo.cli import main

main()
