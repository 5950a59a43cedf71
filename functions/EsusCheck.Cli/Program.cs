Console.WriteLine("esuscheck");
return 0;
