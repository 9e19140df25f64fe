mydata-export = Here is everything tandem keeps about you in this server, as a JSON file.
mydata-confirm-delete = Erase everything tandem keeps about you in this server? Your profiles and activity will be deleted. Survey answers stay only as anonymous numbers. This can't be undone.
mydata-delete-yes = Erase my data
mydata-delete-no = Keep my data
mydata-kept = Nothing was erased.
mydata-erasing = Erasing your data…
mydata-erased = Done: your data in this server is erased. If you enrol again, you start fresh.
mydata-nothing-to-erase = Nothing to erase: tandem keeps no data about you in this server.
