namespace GradeLens.Testing;

/// <summary>Removing a test's temporary folder once its server has stopped.</summary>
public static class TempFolders
{
    /// <summary>
    /// Deletes <paramref name="folder"/> and everything in it, trying again a few times when a file appears while it is
    /// being removed (the store's last checkpoint or an import folder's sweep finishing as the server stops).
    /// </summary>
    public static void Delete(DirectoryInfo folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                folder.Refresh();
                if (folder.Exists)
                {
                    folder.Delete(recursive: true);
                }

                return;
            }
            catch (IOException) when (attempt < 5)
            {
                Thread.Sleep(100 * attempt);
            }
        }
    }
}
