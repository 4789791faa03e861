// Types of the VirtualShopping widget API (issue 9); being written.
export {};
