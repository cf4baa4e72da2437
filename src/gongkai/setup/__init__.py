"""Starting a new catalog (gongkai init): the county and its 乡镇, the guidelines to seed, the files a bureau needs."""
