mydata-export = Voici tout ce que tandem conserve à ton sujet sur ce serveur, dans un fichier JSON.
mydata-confirm-delete = Effacer tout ce que tandem conserve à ton sujet sur ce serveur ? Tes profils et ton activité seront supprimés. Tes réponses aux sondages ne resteront que sous forme de chiffres anonymes. C'est définitif.
mydata-delete-yes = Effacer mes données
mydata-delete-no = Garder mes données
mydata-kept = Rien n'a été effacé.
mydata-erasing = Effacement de tes données…
mydata-erased = C'est fait : tes données sur ce serveur sont effacées. Si tu t'inscris à nouveau, tu repars de zéro.
mydata-nothing-to-erase = Rien à effacer : tandem ne conserve aucune donnée à ton sujet sur ce serveur.
